// Draws the dashboard's charts from /dashboard/data. The page's tables hold the same figures, so
// without JavaScript (or with a screen reader) nothing is lost; the charts are aria-hidden.
(function () {
  'use strict';

  var OUTCOME_COLOURS = {
    'auto-approved': '#2e7d32', approved: '#66bb6a', denied: '#c62828',
    cancelled: '#9e9e9e', failed: '#ef6c00', open: '#1565c0'
  };

  function readable(seconds) {
    if (seconds === null || seconds === undefined) { return '–'; }
    if (seconds < 1) { return Math.round(seconds * 100) / 100 + ' s'; }
    if (seconds < 60) { return Math.round(seconds * 10) / 10 + ' s'; }
    if (seconds < 3600) { return Math.round(seconds / 60) + ' min'; }
    if (seconds < 86400) { return Math.round(seconds / 360) / 10 + ' h'; }
    return Math.round(seconds / 8640) / 10 + ' d';
  }

  function shortDays(days) {
    return days.map(function (day) { return day.substring(5); });
  }

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(Object.assign({ animation: false, grid: { left: 56, right: 16, top: 52, bottom: 28 },
      tooltip: { trigger: 'axis' } }, option));
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function durationAxis() {
    return { type: 'value', axisLabel: { formatter: readable } };
  }

  function durationSeries(name, values, colour) {
    return { name: name, type: 'line', data: values, connectNulls: false, showSymbol: true, itemStyle: { color: colour },
      tooltip: { valueFormatter: readable } };
  }

  function draw(data) {
    var days = shortDays(data.days);
    chart('chart-outcomes', {
      legend: { top: 0, itemWidth: 12, itemHeight: 8, itemGap: 12, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: Object.keys(data.requestsByOutcome).map(function (outcome) {
        return { name: outcome, type: 'bar', stack: 'requests', data: data.requestsByOutcome[outcome],
          itemStyle: { color: OUTCOME_COLOURS[outcome] } };
      })
    });
    chart('chart-time-to-access', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: durationAxis(),
      series: [durationSeries('p50', data.timeToAccessP50Seconds, '#1565c0'),
        durationSeries('p95', data.timeToAccessP95Seconds, '#ef6c00')]
    });
    chart('chart-revocation-lag', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: durationAxis(),
      series: [durationSeries('p50', data.revocationLagP50Seconds, '#1565c0'),
        durationSeries('p95', data.revocationLagP95Seconds, '#ef6c00')]
    });
    chart('chart-expiries', {
      xAxis: { type: 'category', data: shortDays(data.expiries.days) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'grants expiring', type: 'bar', data: data.expiries.grants, itemStyle: { color: '#6a1b9a' } }]
    });
    document.body.setAttribute('data-charts', 'drawn');
  }

  document.addEventListener('DOMContentLoaded', function () {
    fetch('/dashboard/data', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('the dashboard data answered ' + response.status); }
        return response.json();
      })
      .then(draw)
      .catch(function (error) {
        document.querySelectorAll('.chart').forEach(function (element) {
          element.textContent = 'The charts could not be drawn (' + error.message + '); the tables below hold the same figures.';
        });
      });
  });
}());
