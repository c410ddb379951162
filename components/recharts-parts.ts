// The recharts components the app draws with, and only those: the module components/deferred-chart.tsx
// loads on the first drawing. A namespace import of "recharts" would load and run every chart type
// it has (pie, radar, treemap, sankey …); re-exporting the few used lets the bundler drop the rest.
export { Bar, BarChart, CartesianGrid, Cell, ComposedChart, LabelList, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
