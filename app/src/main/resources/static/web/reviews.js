// Review screens: "select all" and the count of selected items for a bulk decision. The checkboxes
// belong to their campaign's bulk form through their form attribute, so this only ticks them.
(function () {
  function boxes(formId) {
    return document.querySelectorAll('input[name="items"][form="' + formId + '"]');
  }

  function count(formId) {
    var output = document.getElementById('count-' + formId);
    if (output) {
      output.value = Array.prototype.filter.call(boxes(formId), function (box) { return box.checked; }).length;
    }
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.matches('input.select-all')) {
      boxes(target.dataset.form).forEach(function (box) { box.checked = target.checked; });
      count(target.dataset.form);
    } else if (target.matches('input[name="items"]')) {
      count(target.getAttribute('form'));
    }
  });
})();
