/* Frontdesk widget placeholder: the real widget is built from widget/ (see its README). */
(function () {
  var w = window;
  w.Frontdesk = w.Frontdesk || [];
  if (w.console) w.console.info('Frontdesk: widget placeholder loaded');
})();
