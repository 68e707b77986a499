// Chart.js with only the pieces the dashboard draws; loaded on demand so that it stays out of the main bundle.
import {
  Chart, LineController, BarController, DoughnutController, LineElement, PointElement, BarElement, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler,
} from 'chart.js';

Chart.register(LineController, BarController, DoughnutController, LineElement, PointElement, BarElement, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler);

export { Chart };
