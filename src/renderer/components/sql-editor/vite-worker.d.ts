// Vite turns `?worker` imports into a Worker constructor; this tells TypeScript so.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
