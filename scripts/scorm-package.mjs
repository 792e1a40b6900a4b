// Writes dist/backprop-lab-scorm12.zip: a SCORM 1.2 package of the site for any LMS (Moodle, Canvas,
// Blackboard…). One SCO per lesson: sco/<id>.html sends the LMS's frame to `index.html?embed=1&share=0#/<id>`
// (minimal chrome, no share links to the LMS's private address); the app finds the LMS's API and reports
// completion and score (web/src/scorm/scorm.ts). The lessons and titles come from the app's own registry,
// loaded through Vite. The zip is written with fflate (maintained, no dependencies). Run by
// `npm run build:web` after the site build:  node scripts/scorm-package.mjs
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync, strToU8 } from 'fflate'
import { createServer } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
export const PACKAGE_NAME = 'backprop-lab-scorm12.zip'

/** Files of dist/ that belong to other editions, the offline worker, or are examples for web pages. */
const NOT_IN_PACKAGE =
  /^(backprop-lab\.html|backprop-lesson\.js|sw\.js|workbox-[^/]+\.js|embed-example\.[a-z]+|element-example\.html|[^/]+\.zip)$/

const xml = (s) =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** The lessons (id, title) in course order, from web/src/lessons/index.ts. */
async function loadLessons() {
  const server = await createServer({
    configFile: join(root, 'web/vite.config.ts'),
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const { lessons } = await server.ssrLoadModule('/src/lessons/index.ts')
    return lessons.map((l) => ({ id: l.id, title: l.title }))
  } finally {
    await server.close()
  }
}

/** The launch page of one SCO: no script, so it needs nothing from the LMS's policy. */
const launchPage = (lesson) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${xml(lesson.title)}</title>
    <meta http-equiv="refresh" content="0; url=../index.html?embed=1&amp;share=0#/${xml(lesson.id)}" />
  </head>
  <body>
    <p><a href="../index.html?embed=1&amp;share=0#/${xml(lesson.id)}">Open the lesson: ${xml(lesson.title)}</a></p>
  </body>
</html>
`

/** imsmanifest.xml: one organization, one item and one SCO resource per lesson, the app as an asset. */
export function manifest(lessons, appFiles) {
  const items = lessons
    .map(
      (
        l,
      ) => `      <item identifier="item-${xml(l.id)}" identifierref="sco-${xml(l.id)}" isvisible="true">
        <title>${xml(l.title)}</title>
      </item>`,
    )
    .join('\n')
  const scos = lessons
    .map(
      (
        l,
      ) => `    <resource identifier="sco-${xml(l.id)}" type="webcontent" adlcp:scormtype="sco" href="sco/${xml(l.id)}.html">
      <file href="sco/${xml(l.id)}.html"/>
      <dependency identifierref="app"/>
    </resource>`,
    )
    .join('\n')
  const files = appFiles.map((f) => `      <file href="${xml(f)}"/>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="backprop-lab" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="backprop-lab-course">
    <organization identifier="backprop-lab-course">
      <title>Backprop Lab: backpropagation, one number at a time</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="app" type="webcontent" adlcp:scormtype="asset">
${files}
    </resource>
  </resources>
</manifest>
`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lessons = await loadLessons()
  const appFiles = walk(dist)
    .map((p) => relative(dist, p).replace(/\\/g, '/'))
    .filter((f) => !NOT_IN_PACKAGE.test(f))
    .sort()
  const entries = {
    'imsmanifest.xml': strToU8(manifest(lessons, appFiles)),
    ...Object.fromEntries(lessons.map((l) => [`sco/${l.id}.html`, strToU8(launchPage(l))])),
    ...Object.fromEntries(appFiles.map((f) => [f, readFileSync(join(dist, f))])),
  }
  const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') })
  writeFileSync(join(dist, PACKAGE_NAME), zip)
  console.log(
    `SCORM 1.2 package dist/${PACKAGE_NAME}: ${lessons.length} SCOs, ${appFiles.length} files, ${(zip.length / 1024).toFixed(1)} kB`,
  )
}
