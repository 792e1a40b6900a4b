// Host side of the Backprop Lab embed protocol: resize the iframe to the height it posts, and list its
// events. Messages: { type: 'backprop-lab:resize', height } (CSS px), 'backprop-lab:loaded' { lesson },
// 'backprop-lab:step' { lesson, updates, loss }, 'backprop-lab:converged' { lesson, updates, loss }.
;(function () {
  var frame = document.getElementById('lesson')
  var list = document.getElementById('events')
  window.backpropLabEvents = []
  window.addEventListener('message', function (event) {
    // Only the embedded lesson's own messages: from its window, with the protocol's prefix.
    if (!frame || event.source !== frame.contentWindow) return
    var data = event.data
    if (!data || typeof data.type !== 'string' || data.type.indexOf('backprop-lab:') !== 0) return
    window.backpropLabEvents.push(data)
    if (data.type === 'backprop-lab:resize' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height), 20000) + 'px'
      return
    }
    if (list) {
      var item = document.createElement('li')
      item.textContent =
        data.type +
        (typeof data.loss === 'number'
          ? ' (updates ' + data.updates + ', loss ' + data.loss.toPrecision(9) + ')'
          : '')
      list.appendChild(item)
    }
  })
})()
