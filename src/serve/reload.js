<script data-briefing-reload>
/* briefing serve: live reload. Not in `briefing build` output. */
(function () {
  if (!window.EventSource) return;
  var id = "__briefing_overlay";
  function clear() {
    var o = document.getElementById(id);
    if (o) o.parentNode.removeChild(o);
  }
  function show(text) {
    var o = document.getElementById(id);
    if (!o) {
      o = document.createElement("div");
      o.id = id;
      o.setAttribute("role", "alert");
      o.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "margin:0;padding:2rem;box-sizing:border-box;opacity:1;background:#180404;color:#fff;" +
        "font:14px/1.45 ui-monospace,monospace";
      var h = document.createElement("strong");
      h.textContent = "briefing: the rebuild failed. The last good version is still served; fix the file and save.";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      o.appendChild(h);
      o.appendChild(pre);
      document.body.appendChild(o);
    }
    o.lastChild.textContent = text;
  }
  var source = new EventSource("/__briefing/events");
  source.addEventListener("hello", clear);
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("failed", function (e) { show(JSON.parse(e.data).text); });
  source.addEventListener("css", function (e) {
    clear();
    var build = JSON.parse(e.data).build;
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("__briefing", build);
      links[i].href = url.href;
    }
  });
})();
</script>
