// Draws the chart of a page from the JSON in <script id="chart-data">: stacked bars per
// period, one series per PLOVER quad class; planned events hatched, occurred ones solid.
// Clicking a bar of the timeline narrows the page to that week or month.
"use strict";

// Bars as wide as their period: a week in milliseconds, or a calendar month.
var KRONIK_PERIOD = { week: 604800000, month: "M1" };

function kronikTraces(data) {
  return data.series.map(function (s) {
    var planned = s.status === "planned";
    var marker = { color: s.colour, line: { color: s.colour, width: planned ? 1.5 : 0 } };
    if (planned) {
      marker.color = "rgba(255,255,255,0.9)";
      marker.pattern = { shape: "/", fgcolor: s.colour, size: 6, solidity: 0.35 };
    }
    // "hover" holds the counts to show where "y" is drawn below the axis (conflict).
    return {
      type: "bar", x: s.x, y: s.y, marker: marker, customdata: s.hover || s.y,
      xperiod: KRONIK_PERIOD[data.bucket] || "M1", xperiodalignment: "start",
      name: s.label + (planned ? " (planned)" : ""),
      hovertemplate: "%{x|%d %b %Y}: %{customdata} " + s.label.toLowerCase() + (planned ? " planned" : "") + "<extra></extra>"
    };
  });
}

function kronikPeriodEnd(start, bucket) {
  var d = new Date(start + "T00:00:00Z");
  if (bucket === "week") { d.setUTCDate(d.getUTCDate() + 6); }
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function kronikDraw() {
  var box = document.getElementById("chart");
  var source = document.getElementById("chart-data");
  if (!box || !source || typeof Plotly === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  if (!data.series.length) { box.hidden = true; return; }
  var layout = {
    barmode: data.relative ? "relative" : "stack", bargap: 0.15, height: 320,
    margin: { l: 48, r: 16, t: 8, b: 40 }, showlegend: true,
    legend: { orientation: "h", y: -0.18, traceorder: "normal" },
    xaxis: { type: "date" }, yaxis: { title: { text: "events" }, rangemode: "tozero" },
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
    font: { family: "system-ui, sans-serif", size: 12 }
  };
  if (data.yaxis) {
    // Words on the axis ("2 conflictual"), never a negative count.
    layout.yaxis = { title: { text: data.yaxis.title }, tickvals: data.yaxis.tickvals,
                     ticktext: data.yaxis.ticktext, zeroline: true };
    layout.margin.l = 120;  // room for the worded ticks
  }
  var days = {};
  data.series.forEach(function (s) { s.x.forEach(function (x) { days[x] = true; }); });
  var periods = Object.keys(days).sort();
  if (periods.length < 3) {
    // A lone bar would fill the axis, labelled in fractions of a second: show a few
    // periods around it instead.
    var before = new Date(periods[0] + "T00:00:00Z");
    var after = new Date(periods[periods.length - 1] + "T00:00:00Z");
    before.setUTCDate(before.getUTCDate() - 45);
    after.setUTCDate(after.getUTCDate() + 75);
    layout.xaxis.range = [before.toISOString().slice(0, 10), after.toISOString().slice(0, 10)];
  }
  Plotly.newPlot(box, kronikTraces(data), layout, { displaylogo: false, responsive: true });
  var bucket = box.dataset.bucket;
  if (bucket) {
    box.on("plotly_click", function (event) {
      var start = String(event.points[0].x).slice(0, 10);
      var params = new URLSearchParams(window.location.search);
      params.set("start", start);
      params.set("end", kronikPeriodEnd(start, bucket));
      params.delete("page");
      window.location.search = params.toString();
    });
  }
  box.dataset.drawn = "true";
}

document.addEventListener("DOMContentLoaded", kronikDraw);
