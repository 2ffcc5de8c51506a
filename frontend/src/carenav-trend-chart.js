// A line and bar chart of the area's training trend, drawn with chart.js (MIT licence).
// The server sets the "series" attribute to JSON: {labels: [...], percent: [...], calls: [...], passed: [...]}.
// The canvas carries a text summary for screen readers; the figures are also shown as a table beside it.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

class CarenavTrendChart extends HTMLElement {
  static get observedAttributes() {
    return ['series', 'summary'];
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback() {
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  render() {
    const raw = this.getAttribute('series');
    if (!this.isConnected || !raw) {
      return;
    }
    const data = JSON.parse(raw);
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.setAttribute('role', 'img');
      this.appendChild(this.canvas);
    }
    this.canvas.setAttribute('aria-label', this.getAttribute('summary') || 'Training trend chart');
    if (this.chart) {
      this.chart.destroy();
    }
    const style = getComputedStyle(this);
    const primary = style.getPropertyValue('--lumo-primary-color').trim() || '#1676f3';
    const secondary = style.getPropertyValue('--lumo-contrast-50pct').trim() || '#888';
    const success = style.getPropertyValue('--lumo-success-color').trim() || '#2a8a49';
    this.chart = new Chart(this.canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: 'line', label: 'Signed off and in date (% of those required to train)', data: data.percent,
            yAxisID: 'percent', borderColor: primary, backgroundColor: primary, tension: 0.2 },
          { type: 'bar', label: 'Assessed calls', data: data.calls, yAxisID: 'calls', backgroundColor: secondary },
          { type: 'bar', label: 'Assessed calls passed', data: data.passed, yAxisID: 'calls', backgroundColor: success }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          percent: { type: 'linear', position: 'left', min: 0, max: 100, title: { display: true, text: '% signed off' } },
          calls: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            ticks: { precision: 0 }, suggestedMax: 5, title: { display: true, text: 'Assessed calls' } }
        }
      }
    });
  }
}

customElements.define('carenav-trend-chart', CarenavTrendChart);
