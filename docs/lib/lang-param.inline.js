// Inlined in <head> by docs/components/overrides/Head.astro, before any tabs are parsed.
// Starlight's synced tabs restore the label stored under `starlight-synced-tabs__<key>` as each
// group is parsed; writing ?lang='s label there first makes the link win over the remembered
// choice, and leaves Starlight's own tabs (keyboard, ARIA, syncing) untouched.
// Called as (names, ids, syncKey): names maps lower-case names to tab labels, ids labels to ids.
(function (names, ids, syncKey) {
  var storageKey = 'starlight-synced-tabs__' + syncKey;
  var groupSelector = 'starlight-tabs[data-sync-key="' + syncKey + '"]';
  var wanted = new URLSearchParams(location.search).get('lang');
  // An unencoded "?lang=c#" reaches us as "c" followed by an empty fragment.
  if (wanted && wanted.toLowerCase() === 'c' && /[?&]lang=c#/i.test(location.href)) wanted = 'c#';
  var label = wanted ? names[wanted.trim().toLowerCase()] : undefined;
  if (label) {
    try {
      localStorage.setItem(storageKey, label);
    } catch (_refused) {
      // Storage refused (e.g. blocked cookies): switch the groups once they exist, without syncing.
      document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll(groupSelector).forEach(function (group) {
          var tabs = group.tabs || [];
          for (var i = 0; i < tabs.length; i++) {
            if (tabs[i].textContent.trim() === label && group.switchTab) group.switchTab(tabs[i], i, false);
          }
        });
      });
    }
  }
  // On a narrow screen the tab list scrolls sideways: bring each group's chosen tab into view.
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll(groupSelector + ' > .tablist-wrapper').forEach(function (list) {
      var chosen = list.querySelector('[aria-selected="true"]');
      if (!chosen || list.scrollWidth <= list.clientWidth) return;
      var tab = chosen.getBoundingClientRect();
      var box = list.getBoundingClientRect();
      if (tab.right > box.right || tab.left < box.left) list.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    });
  });
  // After Starlight's own handlers (they sit on the tabs; this one on the document, so it runs
  // later in the bubbling phase) put the chosen language in the address, without reloading.
  function remember(event) {
    var tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    var group = tab ? tab.closest(groupSelector) : null;
    if (!group) return;
    var selected = group.querySelector('[role="tab"][aria-selected="true"]');
    var id = selected ? ids[selected.textContent.trim()] : undefined;
    if (!id) return;
    var url = new URL(location.href);
    if (url.searchParams.get('lang') === id) return;
    url.searchParams.set('lang', id);
    history.replaceState(history.state, '', url);
  }
  document.addEventListener('click', remember);
  document.addEventListener('keydown', remember);
});
