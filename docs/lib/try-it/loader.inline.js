// Inlined right after each Try it panel by docs/components/TryIt.astro. The panel's module and
// the in-browser sandbox are not part of the page's first load: the reader's first use of the
// panel (a pointer press, focus, a click) imports them. A click on one of the panel's buttons
// made while they load is kept and handed over, so it is not lost; the module takes over from
// there (data-state="ready") and this listener steps aside.
(function (panel) {
  var pending = [];
  var loading = false;
  function use(event) {
    if (panel.getAttribute('data-state') === 'ready') return;
    var button = event.type === 'click' && event.target.closest ? event.target.closest('button') : null;
    if (button) pending.push(button);
    if (loading) return;
    loading = true;
    panel.setAttribute('data-state', 'loading');
    import(panel.getAttribute('data-module')).then(
      function (module) {
        module.start(panel, pending);
      },
      function (error) {
        loading = false;
        panel.setAttribute('data-state', 'failed');
        var live = panel.querySelector('[data-live]');
        if (live) live.textContent = panel.getAttribute('data-load-failed') + ' (' + error.message + ')';
      },
    );
  }
  ['pointerdown', 'focusin', 'click'].forEach(function (type) {
    panel.addEventListener(type, use, true);
  });
})(document.currentScript.previousElementSibling);
