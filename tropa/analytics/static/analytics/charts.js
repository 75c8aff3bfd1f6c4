// Charts of the analytics pages: each canvas reads its data from a json_script element named "<id>-data".
(function () {
  function draw(id, build) {
    var canvas = document.getElementById(id);
    var data = document.getElementById(id + "-data");
    if (!canvas || !data || !window.Chart) return;
    new window.Chart(canvas, build(JSON.parse(data.textContent)));
  }
  var percent = { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } };
  draw("risk-trend", function (d) {
    return { type: "line", data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, tension: 0.3 }] },
             options: { scales: { y: percent }, plugins: { legend: { display: false } } } };
  });
  draw("retention", function (d) {
    return { type: "line", data: { labels: d.labels.map(function (w) { return d.week + " " + w; }),
             datasets: d.series.map(function (s) { return { label: s.label, data: s.data, tension: 0.2 }; }) },
             options: { scales: { y: percent } } };
  });
})();
