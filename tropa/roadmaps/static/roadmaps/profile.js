// The skill profile chart: the learner's level and the role's need per skill, read from a json_script element.
(function () {
  var canvas = document.getElementById("skill-profile");
  var data = document.getElementById("skill-profile-data");
  if (!canvas || !data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var type = d.labels.length >= 3 ? "radar" : "bar";
  var scale = { min: 0, max: 3, ticks: { stepSize: 1 } };
  new window.Chart(canvas, {
    type: type,
    data: {
      labels: d.labels,
      datasets: [
        { label: d.have_label, data: d.have, fill: true, borderWidth: 2 },
        { label: d.need_label, data: d.need, fill: false, borderDash: [6, 4], borderWidth: 2 }
      ]
    },
    options: { aspectRatio: 1.2, scales: type === "radar" ? { r: scale } : { y: scale } }
  });
})();
