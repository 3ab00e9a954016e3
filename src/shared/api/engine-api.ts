// The one engine contract. Every method has a request and a result schema (validated at
// runtime on both ends) and every event stream a payload schema. The desktop app (MessagePort),
// the browser (`ingot serve`, WebSocket) and tests (in-process) all speak exactly this.
import type { z } from 'zod';
import {
  CalibrateCapacityRequestSchema,
  CalibrateCapacityResultSchema,
  ListScenariosResultSchema,
  LoadScenarioRequestSchema,
  LoadScenarioResultSchema,
  SaveScenarioRequestSchema,
  SaveScenarioResultSchema,
} from './capacity.js';
import {
  CatalogResultSchema,
  ExportDbtRequestSchema,
  ExportDbtResultSchema,
  ExportLakeRequestSchema,
  ExportLakeResultSchema,
} from './catalog.js';
import { ArrowPayloadSchema, EmptySchema, OkSchema } from './common.js';
import {
  AddFileSourceRequestSchema,
  AddFileSourceResultSchema,
  IngestProgressSchema,
  IngestRequestSchema,
  IngestResultSchema,
  ListSourcesResultSchema,
  PreviewFileRequestSchema,
  PreviewResultSchema,
  SourcePreviewResultSchema,
  SourceRequestSchema,
  TestRequestResultSchema,
} from './ingest.js';
import {
  CreateModelRequestSchema,
  ListModelsResultSchema,
  ModelEditResultSchema,
  ModelRequestSchema,
  ModelSqlResultSchema,
  SaveModelRequestSchema,
  ListRunsRequestSchema,
  ListRunsResultSchema,
  PlanResultSchema,
  RunEventSchema,
  RunIdSchema,
  RunSummarySchema,
  SelectionSchema,
  StartRunRequestSchema,
  StartRunResultSchema,
} from './pipeline.js';
import {
  FixQuarantinedRowRequestSchema,
  FixQuarantinedRowResultSchema,
  QualityRequestSchema,
  QualityResultSchema,
  QuarantineModelSchema,
  QuarantineRequestSchema,
  QuarantineSummarySchema,
  ReleaseQuarantineRequestSchema,
  ReleaseQuarantineResultSchema,
} from './quality.js';
import { ChartDataRequestSchema, ChartDataSchema, ProfileTableRequestSchema, TableProfileSchema } from './explore.js';
import { DeleteSecretResultSchema, ListSecretsResultSchema, SecretRequestSchema, SetSecretRequestSchema, SetSecretResultSchema } from './secrets.js';
import {
  CompleteSqlRequestSchema,
  CompleteSqlResultSchema,
  ListRejectsRequestSchema,
  ListRejectsResultSchema,
  ListTablesResultSchema,
  QueryRequestSchema,
  ResultPageRequestSchema,
  RunSqlRequestSchema,
  RunSqlResultSchema,
  TablePageRequestSchema,
} from './tables.js';
import { HelloRequestSchema, HelloResultSchema, WorkspaceChangeSchema } from './workspace.js';

/** Bumped on every incompatible change; `hello` refuses a client with another version. */
export const API_VERSION = 1;

interface MethodSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  result: Res;
}
const method = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, result: Res): MethodSpec<Req, Res> => ({ request, result });

export const ENGINE_METHODS = {
  hello: method(HelloRequestSchema, HelloResultSchema),
  listTables: method(EmptySchema, ListTablesResultSchema),
  tablePage: method(TablePageRequestSchema, ArrowPayloadSchema),
  listRejects: method(ListRejectsRequestSchema, ListRejectsResultSchema),
  query: method(QueryRequestSchema, ArrowPayloadSchema),
  runSql: method(RunSqlRequestSchema, RunSqlResultSchema),
  resultPage: method(ResultPageRequestSchema, ArrowPayloadSchema),
  completeSql: method(CompleteSqlRequestSchema, CompleteSqlResultSchema),
  listSources: method(EmptySchema, ListSourcesResultSchema),
  previewFile: method(PreviewFileRequestSchema, PreviewResultSchema),
  addFileSource: method(AddFileSourceRequestSchema, AddFileSourceResultSchema),
  ingest: method(IngestRequestSchema, IngestResultSchema),
  previewSource: method(SourceRequestSchema, SourcePreviewResultSchema),
  testRequest: method(SourceRequestSchema, TestRequestResultSchema),
  listModels: method(EmptySchema, ListModelsResultSchema),
  getModelSql: method(ModelRequestSchema, ModelSqlResultSchema),
  saveModelSql: method(SaveModelRequestSchema, ModelEditResultSchema),
  createModel: method(CreateModelRequestSchema, ModelEditResultSchema),
  plan: method(SelectionSchema, PlanResultSchema),
  startRun: method(StartRunRequestSchema, StartRunResultSchema),
  cancelRun: method(RunIdSchema, OkSchema),
  listRuns: method(ListRunsRequestSchema, ListRunsResultSchema),
  getRun: method(RunIdSchema, RunSummarySchema),
  quality: method(QualityRequestSchema, QualityResultSchema),
  quarantine: method(QuarantineRequestSchema, ArrowPayloadSchema),
  quarantineSummary: method(QuarantineModelSchema, QuarantineSummarySchema),
  releaseQuarantine: method(ReleaseQuarantineRequestSchema, ReleaseQuarantineResultSchema),
  fixQuarantinedRow: method(FixQuarantinedRowRequestSchema, FixQuarantinedRowResultSchema),
  profileTable: method(ProfileTableRequestSchema, TableProfileSchema),
  chartData: method(ChartDataRequestSchema, ChartDataSchema),
  catalog: method(EmptySchema, CatalogResultSchema),
  exportLake: method(ExportLakeRequestSchema, ExportLakeResultSchema),
  exportDbt: method(ExportDbtRequestSchema, ExportDbtResultSchema),
  calibrateCapacity: method(CalibrateCapacityRequestSchema, CalibrateCapacityResultSchema),
  listScenarios: method(EmptySchema, ListScenariosResultSchema),
  loadScenario: method(LoadScenarioRequestSchema, LoadScenarioResultSchema),
  saveScenario: method(SaveScenarioRequestSchema, SaveScenarioResultSchema),
  listSecrets: method(EmptySchema, ListSecretsResultSchema),
  setSecret: method(SetSecretRequestSchema, SetSecretResultSchema),
  deleteSecret: method(SecretRequestSchema, DeleteSecretResultSchema),
} as const;

export const ENGINE_EVENTS = {
  runEvent: RunEventSchema,
  ingestProgress: IngestProgressSchema,
  workspaceChanged: WorkspaceChangeSchema,
} as const;

/** A contract: the method and event tables a transport carries. */
export interface Contract {
  methods: Record<string, MethodSpec<z.ZodType, z.ZodType>>;
  events: Record<string, z.ZodType>;
}
export const ENGINE_CONTRACT = { methods: ENGINE_METHODS, events: ENGINE_EVENTS } satisfies Contract;
export type EngineContract = typeof ENGINE_CONTRACT;

/** Per-call options on the client: aborting the signal cancels the call on the engine. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** What a server-side handler receives besides the request. */
export interface CallContext {
  signal: AbortSignal;
}

type MethodsOf<C extends Contract> = C['methods'];
type EventsOf<C extends Contract> = C['events'];

/** The client's view: call methods, subscribe to `onX` event streams. */
export type ClientApi<C extends Contract> = {
  [K in keyof MethodsOf<C>]: (request: z.input<MethodsOf<C>[K]['request']>, options?: CallOptions) => Promise<z.output<MethodsOf<C>[K]['result']>>;
} & {
  [K in keyof EventsOf<C> as `on${Capitalize<K & string>}`]: (listener: (event: z.output<EventsOf<C>[K]>) => void) => () => void;
};

/** The server's view: handlers get validated requests and a cancellation signal. */
export type Handlers<C extends Contract> = {
  [K in keyof MethodsOf<C>]: (request: z.output<MethodsOf<C>[K]['request']>, context: CallContext) => Promise<z.input<MethodsOf<C>[K]['result']>>;
};

/** Where a server publishes events; the RPC layer forwards them to every connected client. */
export type EventSink<C extends Contract> = <K extends keyof EventsOf<C> & string>(name: K, event: z.input<EventsOf<C>[K]>) => void;

export type EngineApi = ClientApi<EngineContract>;
export type EngineHandlers = Handlers<EngineContract>;
export type EngineEventName = keyof EngineContract['events'];
