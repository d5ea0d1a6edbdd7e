// The console's one script (docs/console.md): keeps each countdown ("还有1小时20分") current,
// and reloads the wall view (body data-refresh="30") by itself. Without it every page still
// works: the deadline itself is printed next to the countdown.
'use strict';
(function () {
  function remaining(seconds) {
    var overdue = seconds < 0;
    var s = Math.abs(seconds);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    var text = (d ? d + '天' : '') + (d || h ? h + '小时' : '') + m + '分';
    if (!d && !h && m < 1) text = Math.floor(s) + '秒';
    return overdue ? '已超过' + text : '还有' + text;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('data-due'));
      if (isNaN(due)) return;
      var seconds = (due - now) / 1000;
      el.textContent = '（' + remaining(seconds) + '）';
      el.classList.toggle('overdue', seconds < 0);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
    var refresh = Number(document.body.getAttribute('data-refresh'));
    if (refresh > 0) setTimeout(function () { window.location.reload(); }, refresh * 1000);
  });
})();
