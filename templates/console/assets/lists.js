// The list page's script (docs/console.md): sends the chosen list file as it is — its bytes as
// the body, Content-Type text/csv for a .csv file and application/json otherwise — first to
// /lists/check (a dry run: the problem table comes back as HTML), and, only after a clean check,
// the same file to /lists/import with the page's form key as its Idempotency-Key.
'use strict';
(function () {
  function send(url, file, headers) {
    headers['Content-Type'] = /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : 'application/json';
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: file })
      .then(function (r) {
        var type = r.headers.get('Content-Type') || '';
        return type.indexOf('application/json') === 0 ? r.json() : { status: r.status };
      });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('list-upload');
    if (!form) return;
    var input = document.getElementById('list-file');
    var result = document.getElementById('list-check');
    var importButton = document.getElementById('list-import');
    var csrf = form.querySelector('input[name=csrf]').value;
    var idem = form.querySelector('input[name=idem]').value;
    var checked = null;
    input.addEventListener('change', function () {
      checked = null;
      importButton.hidden = true;
      result.textContent = '';
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = input.files[0];
      if (!file) return;
      checked = null;
      importButton.hidden = true;
      result.textContent = '正在检查……';
      send('/lists/check', file, { 'X-CSRF-Token': csrf })
        .then(function (j) {
          if (typeof j.html !== 'string') {
            result.textContent = '检查未完成（' + j.status + '），请刷新页面后重试。';
            return;
          }
          result.innerHTML = j.html;  // the server's own HTML-escaped table
          if (j.clean) {
            checked = file;
            importButton.hidden = false;
          }
        })
        .catch(function () { result.textContent = '网络错误，请重试。'; });
    });
    importButton.addEventListener('click', function () {
      if (!checked) return;
      importButton.disabled = true;
      result.textContent = '正在导入……';
      send('/lists/import', checked, { 'X-CSRF-Token': csrf, 'Idempotency-Key': idem })
        .then(function (j) {
          if (typeof j.location === 'string') {
            window.location.assign(j.location);
            return;
          }
          importButton.disabled = false;
          if (typeof j.html === 'string') result.innerHTML = j.html;
          else result.textContent = '导入未完成（' + j.status + '），请刷新页面后重试。';
        })
        .catch(function () {
          importButton.disabled = false;
          result.textContent = '网络错误，请重试。';
        });
    });
  });
})();
