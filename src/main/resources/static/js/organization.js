// Lan Tỏa — unit pages. No inline scripts (the CSP forbids them): the pages mark elements with data-lt-* attributes.
(function () {
  'use strict';

  // A tree node's toggle loads its children once (htmx); a second click folds them away instead of reloading.
  document.addEventListener('htmx:beforeRequest', function (event) {
    var toggle = event.detail.elt;
    if (!toggle || !toggle.hasAttribute || !toggle.hasAttribute('data-lt-tree-toggle')) {
      return;
    }
    var target = document.getElementById(toggle.getAttribute('aria-controls'));
    if (target && target.childElementCount > 0) {
      event.preventDefault();
      target.replaceChildren();
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = '▸';
    }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    var toggle = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (toggle && toggle.hasAttribute && toggle.hasAttribute('data-lt-tree-toggle')) {
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = '▾';
    }
  });

  // A chosen unit in the move and merge pickers fills the form's id field.
  document.addEventListener('click', function (event) {
    var choice = event.target.closest ? event.target.closest('[data-lt-pick]') : null;
    if (!choice) {
      return;
    }
    var field = document.getElementById(choice.getAttribute('data-lt-for'));
    if (field) {
      field.value = choice.getAttribute('data-lt-pick');
      field.focus();
    }
  });

  // Closing and merging cannot be undone from the pages: ask first.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-lt-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
