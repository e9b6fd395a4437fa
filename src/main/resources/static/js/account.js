// Account pages: ask before actions that cannot be undone quietly (no inline scripts: the CSP forbids them).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
