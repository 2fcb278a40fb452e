// Countdowns that run in the browser (see facilitation/ui/countdown.py): no message per second to every phone.
setInterval(() => {
  const clock = (s) => Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  for (const el of document.querySelectorAll('.countdown[data-left]')) {
    if (!el.dataset.since) el.dataset.since = Date.now() / 1000;
    const raw = parseFloat(el.dataset.left) - (Date.now() / 1000 - el.dataset.since);
    const left = Math.max(0, Math.ceil(raw));
    const soft = parseFloat(el.dataset.soft || '0');
    let text;
    if (left > 0) {
      const ending = soft > 0 && left <= soft;
      text = (ending ? el.dataset.ending : el.dataset.running).replace('{t}', clock(left));
      el.classList.toggle('ending', ending);
    } else if (el.dataset.overrun) {
      text = el.dataset.overrun.replace('{t}', clock(Math.floor(-raw)));
      el.classList.remove('ending');
      el.classList.add('overrun');
    } else {
      text = el.dataset.over;
    }
    if (el.textContent !== text) el.textContent = text;
  }
}, 500);
