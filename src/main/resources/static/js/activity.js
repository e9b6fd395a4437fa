// The activity form: show only the indicators of the chosen channel (all of them stay in the form without script).
(function () {
  var channel = document.getElementById('channel');
  if (!channel) {
    return;
  }
  function show() {
    document.querySelectorAll('fieldset[data-channel]').forEach(function (set) {
      var other = set.getAttribute('data-channel') !== channel.value;
      set.hidden = other;
      set.disabled = other;
    });
  }
  channel.addEventListener('change', show);
  show();
})();

// The bulk form: the template link follows the chosen plan.
(function () {
  var plan = document.getElementById('bulk-plan');
  var link = document.getElementById('bulk-template');
  if (!plan || !link) {
    return;
  }
  function follow() {
    var option = plan.options[plan.selectedIndex];
    if (option && option.getAttribute('data-template')) {
      link.setAttribute('href', option.getAttribute('data-template'));
    }
  }
  plan.addEventListener('change', follow);
  follow();
})();
