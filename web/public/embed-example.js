// Host side of the Backprop Lab embed protocol, for pages whose Content-Security-Policy forbids inline
// scripts (otherwise the code from Copy embed code carries its own listener). It follows every
// <iframe data-backprop-lab> on the page (and one with id="lesson"): each frame is resized to the height
// its own lesson posts, so any number of lessons can share a page. Events are listed in #events if the
// page has that element. Messages: { type: 'backprop-lab:resize', height } (CSS px),
// 'backprop-lab:loaded' { lesson }, 'backprop-lab:step' { lesson, updates, loss },
// 'backprop-lab:converged' { lesson, updates, loss }.
;(function () {
  var list = document.getElementById('events')
  window.backpropLabEvents = []
  /** The frame whose window sent the message, among the lesson frames of the page. */
  function frameOf(source) {
    var frames = document.querySelectorAll('iframe[data-backprop-lab], iframe#lesson')
    for (var k = 0; k < frames.length; k++) {
      if (frames[k].contentWindow === source) return frames[k]
    }
    return null
  }
  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source)
    var data = event.data
    if (!frame || !data || typeof data.type !== 'string') return
    if (data.type.indexOf('backprop-lab:') !== 0) return
    window.backpropLabEvents.push(data)
    if (data.type === 'backprop-lab:resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px'
      return
    }
    if (list) {
      var item = document.createElement('li')
      item.textContent =
        (frame.title || frame.id) +
        ': ' +
        data.type +
        (typeof data.loss === 'number'
          ? ' (updates ' + data.updates + ', loss ' + data.loss.toPrecision(9) + ')'
          : '')
      list.appendChild(item)
    }
  })
})()
