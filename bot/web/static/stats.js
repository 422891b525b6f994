// Charts for the statistics page. Data comes from a JSON script tag (escaped by Jinja's tojson);
// tooltips render on the canvas (renderMode richText), so unit or category names are never parsed as HTML.
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var base = { textStyle: { fontFamily: font }, tooltip: { trigger: 'axis', renderMode: 'richText' },
               grid: { left: 48, right: 16, top: 30, bottom: 60 } };
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) return;
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(Object.assign({}, base, option));
    window.addEventListener('resize', function () { c.resize(); });
  }
  chart('chart-months', { xAxis: { type: 'category', data: data.months.labels }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '新增', data: data.months.values, itemStyle: { color: '#1d5fbf' } }] });
  chart('chart-sources', { tooltip: { trigger: 'item', renderMode: 'richText' }, legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: data.sources, label: { formatter: '{b}\n{c}' } }] });
  chart('chart-categories', { xAxis: { type: 'category', data: data.categories.labels, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', name: '件数', data: data.categories.values, itemStyle: { color: '#2f9e6e' } }] });
  chart('chart-units', { legend: { top: 0 }, grid: { left: 110, right: 16, top: 30, bottom: 30 },
    yAxis: { type: 'category', data: data.units.labels, inverse: true, axisLabel: { width: 100, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '受理', data: data.units.received }, { type: 'bar', name: '办结', data: data.units.closed },
             { type: 'bar', name: '超期', data: data.units.overdue, itemStyle: { color: '#b42318' } }] });
})();
