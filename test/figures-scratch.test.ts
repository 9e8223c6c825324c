import { it } from 'vitest'
import { detectFigures } from '../src/shared/figures/index'
it('scratch', () => {
  for (const t of (process.env.T ?? '').split('||')) console.log(JSON.stringify(t), JSON.stringify(detectFigures(t)))
})
