// Plan editor (templates/plan/editor.html): a time widget shows only the inputs of its chosen shape, and after a row
// is added or removed the page scrolls back to it. Everything works without this script: it only tidies the form.
(function () {
  'use strict';

  function showShape(widget) {
    var select = widget.querySelector('[data-time-shape]');
    if (!select) {
      return;
    }
    var shape = select.value;
    widget.querySelectorAll('[data-shapes]').forEach(function (part) {
      var shapes = part.getAttribute('data-shapes').split(' ');
      part.hidden = shapes.indexOf(shape) < 0;
    });
  }

  document.querySelectorAll('[data-time]').forEach(function (widget) {
    showShape(widget);
    var select = widget.querySelector('[data-time-shape]');
    if (select) {
      select.addEventListener('change', function () {
        showShape(widget);
      });
    }
  });

  var form = document.querySelector('form[data-focus]');
  var focus = form && form.getAttribute('data-focus');
  if (focus) {
    var target = document.getElementById('at' + focus);
    if (target) {
      target.scrollIntoView({block: 'center'});
      var first = target.querySelector('input:not([type=hidden]), textarea, select');
      if (first) {
        first.focus({preventScroll: true});
      }
    }
  }
})();
