declare module 'echarts-map/json/province/*.json' {
  const value: { type: string; features: { id: string | number; properties: Record<string, unknown> }[] };
  export default value;
}
