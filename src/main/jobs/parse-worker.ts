// Parse process, entry point (built to parse-worker.js beside the app's main and CLI bundles): parses imported
// pages for the app, one request after another. See parse-service.ts.
import { serveRequests } from './job-process'
import { handleParse } from './parse-service'
import type { ParseRequest } from './parse-service'

serveRequests((request) => handleParse(request as ParseRequest))
