/**
 * The script a host page loads from Voz (`/embed.js`) to size Voz iframes to their content. It is
 * plain ES5-compatible text, served as is, with no dependencies. It trusts a message only when it
 * comes from the window of one of the page's Voz iframes whose address is on Voz's origin (the
 * origin this script was loaded from), and from that origin or, for a frame the page sandboxed
 * without allow-same-origin, from the opaque origin "null"; anything else is ignored.
 */
export const HOST_SCRIPT = `(function () {
  var me = document.currentScript;
  if (!me || !me.src) return;
  var origin = new URL(me.src).origin;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin && event.origin !== 'null') return;
    var data = event.data;
    if (!data || data.type !== 'voz:height' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-voz-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== origin) continue;
      var height = Math.max(100, Math.min(MAX, Math.ceil(data.height)));
      frame.style.height = height + 'px';
      frame.setAttribute('height', String(height));
    }
  });
})();
`;
