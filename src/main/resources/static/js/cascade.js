// Lan Tỏa — cascade pages: "Sao chép để gửi Zalo" copies the button's prepared text (no inline scripts: CSP).
(function () {
  'use strict';

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-zalo-copy]');
    if (!button) {
      return;
    }
    var text = button.getAttribute('data-zalo-text') || '';
    var label = button.getAttribute('data-copied') || '';
    copy(text).then(function () {
      button.setAttribute('data-zalo-copied', 'true');
      if (label) {
        button.textContent = label;
      }
    }, function () {
      // the browser refused: show the text so that the officer can copy it by hand
      window.prompt('', text);
    });
  });
})();
