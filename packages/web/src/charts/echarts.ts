/**
 * ECharts with only the parts Guatu draws, loaded on demand (never on the first screen).
 * The Yunnan map ships with the app: the GeoJSON of the echarts-map package, with each
 * feature's GB/T 2260 code copied into its properties so series match regions by code.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, PieChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

let yunnan: Promise<string[]> | undefined;
/** Registers the map "yunnan" once; its features carry `adcode` (530300 …) and `name` (曲靖市 …). Gives the codes. */
export function registerYunnan(): Promise<string[]> {
  yunnan ??= import('echarts-map/json/province/yunnan.json').then((m) => {
    const geo = structuredClone((m as { default: GeoJsonLike }).default);
    for (const f of geo.features) f.properties = { ...f.properties, adcode: String(f.id) };
    echarts.registerMap('yunnan', geo as never);
    return geo.features.map((f) => String(f.id));
  });
  return yunnan;
}

interface GeoJsonLike {
  type: string;
  features: { id: string | number; properties: Record<string, unknown> }[];
}
