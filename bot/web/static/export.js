// Background export page: poll the job's JSON until the file is ready, then show the download link.
(function () {
  var box = document.getElementById('export-job');
  if (!box) return;
  var labels = { queued: '排队中', running: '生成中', done: '已完成', failed: '生成失败，请重试' };
  function poll() {
    fetch(box.dataset.status, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (s) {
        document.getElementById('export-progress').value = s.percent;
        document.getElementById('export-percent').textContent = s.percent;
        document.getElementById('export-done').textContent = s.done;
        document.getElementById('export-state').textContent = labels[s.state] || s.state;
        if (s.state === 'done' && s.url) {
          var link = document.getElementById('export-download');
          link.href = s.url;
          link.hidden = false;
        } else if (s.state !== 'failed') {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
