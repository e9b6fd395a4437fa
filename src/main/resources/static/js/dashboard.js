// The dashboard: the print button (the page prints without it too, with the print stylesheet); closed tables open
// before printing so that the printed page carries every figure.
(function () {
  document.querySelectorAll('[data-lt-print]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('.lt-dashboard details').forEach(function (d) {
      d.open = true;
    });
  });
})();
