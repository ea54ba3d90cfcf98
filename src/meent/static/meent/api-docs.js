// The API documentation (Redoc, served from our own static files) in Meent's own font.
(function () {
  var container = document.getElementById("redoc-container");
  var font = "'Noto Sans Variable', 'Noto Sans', sans-serif";
  Redoc.init(
    container.dataset.schemaUrl,
    { theme: { typography: { fontFamily: font, headings: { fontFamily: font } } } },
    container
  );
})();
