// Lan Tỏa shell: behaviour shared by every page (no inline scripts: the CSP forbids them).
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // Every state-changing htmx request carries the CSRF token, as the forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  // A problem+json answer to an htmx request is shown, not swallowed: htmx does not swap 4xx/5xx by default.
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    var message = 'Có lỗi xảy ra (' + xhr.status + ').';
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem && problem.detail) {
        message = problem.detail;
      }
    } catch (ignored) {
      // not JSON: keep the generic message
    }
    var target = document.getElementById('lt-htmx-error');
    if (target) {
      target.textContent = message;
      target.classList.remove('d-none');
    } else {
      window.alert(message);
    }
  });
})();
