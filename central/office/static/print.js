// The print sheet's "In phiếu này" button: the browser's print dialog (which can also save a PDF).
// Without JavaScript the officer presses Ctrl+P; the sheet looks the same.
(function () {
  "use strict";
  var button = document.getElementById("print");
  if (button && window.print) { button.addEventListener("click", function () { window.print(); }); }
}());
