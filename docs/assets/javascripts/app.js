/* Installable and readable offline: registers the site's service worker (sw.js at the site root, written by
   playbook/site/installable.py with Workbox) where browsers allow one, over https or on localhost. From file:// or
   without service workers, nothing happens and the site works as it always did. */
(function () {
  "use strict";
  var manifest = document.querySelector("link[rel='manifest']");
  if (!manifest || !("serviceWorker" in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  var root = new URL(".", manifest.href);
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
    .catch(function () { /* no offline copy this time; the site works online as before */ });
})();
