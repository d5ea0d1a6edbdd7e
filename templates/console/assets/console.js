// The console's one script (docs/console.md): keeps each countdown ("还有1小时20分") current,
// reloads the wall view (body data-refresh="30") by itself, previews the forecast form's
// assessment as it is typed (form data-preview), and keeps an episode's progress
// current: it asks data-live with the section's digest, the server answers when a commit
// changes the section, and the script replaces it. Without it every page still
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
  // A long poll: the server holds the request until a commit changes the section (or ~20 s pass)
  // and then says so (held); a quick "unchanged" answer (too many held, a stop) or a failure means
  // ask again in a second, as a plain poll.
  function live(el) {
    function ask() {
      var url = el.getAttribute('data-live') + '?wait=1&digest=' + encodeURIComponent(el.getAttribute('data-digest'));
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          var type = r.headers.get('Content-Type') || '';
          return r.ok && type.indexOf('application/json') === 0 ? r.json() : null;
        })
        .then(function (j) {
          var changed = j && typeof j.html === 'string' && j.digest !== el.getAttribute('data-digest');
          if (changed) {
            el.innerHTML = j.html;  // the server's own HTML-escaped section
            el.setAttribute('data-digest', j.digest);
          }
          setTimeout(ask, j && (j.held || changed) ? 0 : 1000);
        })
        .catch(function () { setTimeout(ask, 1000); });
    }
    ask();
  }
  // The forecast form: its assessment as it is typed (nothing is stored until it is submitted).
  function preview(form) {
    var target = document.getElementById(form.getAttribute('data-target'));
    var timer = null, sent = 0;
    function ask() {
      var mine = ++sent;
      fetch(form.getAttribute('data-preview'), { method: 'POST', credentials: 'same-origin',
                                                  body: new URLSearchParams(new FormData(form)) })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { if (j && typeof j.html === 'string' && mine === sent) target.innerHTML = j.html; })
        .catch(function () {});
    }
    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 400);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(live);
    document.querySelectorAll('form[data-preview]').forEach(preview);
    tick();
    setInterval(tick, 1000);
    var refresh = Number(document.body.getAttribute('data-refresh'));
    if (refresh > 0) setTimeout(function () { window.location.reload(); }, refresh * 1000);
  });
})();
