// Picks the Arrow type and converter for each DuckDB type. The mapping, and the choices made
// where Arrow has no exact counterpart, are listed in ../arrow-encode.ts.
import {
  DuckDBTypeId,
  type DuckDBArrayType,
  type DuckDBDecimalType,
  type DuckDBEnumType,
  type DuckDBListType,
  type DuckDBMapType,
  type DuckDBStructType,
  type DuckDBType,
} from '@duckdb/node-api';
import {
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  Null,
  TimeMicrosecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Data,
} from 'apache-arrow';
import type { ColumnEncoder, EncoderContext } from './encoder.js';
import { enumEncoder } from './enum-encoder.js';
import { arrayEncoder, listEncoder, mapEncoder, structEncoder } from './nested-encoders.js';
import { boolEncoder, copyEncoder, decimalEncoder, intervalEncoder } from './scalar-encoders.js';
import { stringEncoder, textEncoder, uuidEncoder } from './string-encoders.js';

/** The converter for a column of DuckDB type `type`. */
export function encoderFor(type: DuckDBType, context: EncoderContext): ColumnEncoder {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: return boolEncoder();
    case DuckDBTypeId.TINYINT: return copyEncoder(new Int8(), 1);
    case DuckDBTypeId.SMALLINT: return copyEncoder(new Int16(), 2);
    case DuckDBTypeId.INTEGER: return copyEncoder(new Int32(), 4);
    case DuckDBTypeId.BIGINT: return copyEncoder(new Int64(), 8);
    case DuckDBTypeId.UTINYINT: return copyEncoder(new Uint8(), 1);
    case DuckDBTypeId.USMALLINT: return copyEncoder(new Uint16(), 2);
    case DuckDBTypeId.UINTEGER: return copyEncoder(new Uint32(), 4);
    case DuckDBTypeId.UBIGINT: return copyEncoder(new Uint64(), 8);
    case DuckDBTypeId.HUGEINT: return decimalEncoder(38, 0, 16, 128);
    case DuckDBTypeId.UHUGEINT: return decimalEncoder(39, 0, 16, 256, true);
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = type as DuckDBDecimalType;
      return decimalEncoder(width, scale, width <= 4 ? 2 : width <= 9 ? 4 : width <= 18 ? 8 : 16, 128);
    }
    case DuckDBTypeId.FLOAT: return copyEncoder(new Float32(), 4);
    case DuckDBTypeId.DOUBLE: return copyEncoder(new Float64(), 8);
    case DuckDBTypeId.VARCHAR: return stringEncoder(false);
    case DuckDBTypeId.BLOB: return stringEncoder(true);
    case DuckDBTypeId.UUID: return uuidEncoder();
    case DuckDBTypeId.DATE: return copyEncoder(new DateDay(), 4);
    case DuckDBTypeId.TIME: return copyEncoder(new TimeMicrosecond(), 8);
    case DuckDBTypeId.TIME_NS: return copyEncoder(new TimeNanosecond(), 8);
    case DuckDBTypeId.TIMESTAMP_S: return copyEncoder(new TimestampSecond(), 8);
    case DuckDBTypeId.TIMESTAMP_MS: return copyEncoder(new TimestampMillisecond(), 8);
    case DuckDBTypeId.TIMESTAMP: return copyEncoder(new TimestampMicrosecond(), 8);
    case DuckDBTypeId.TIMESTAMP_NS: return copyEncoder(new TimestampNanosecond(), 8);
    case DuckDBTypeId.TIMESTAMP_TZ: return copyEncoder(new TimestampMicrosecond('UTC'), 8);
    case DuckDBTypeId.INTERVAL: return intervalEncoder();
    case DuckDBTypeId.ENUM: {
      const { values, internalTypeId } = type as DuckDBEnumType;
      const width = internalTypeId === DuckDBTypeId.UTINYINT ? 1 : internalTypeId === DuckDBTypeId.USMALLINT ? 2 : 4;
      return enumEncoder(values, width, context);
    }
    case DuckDBTypeId.LIST: return listEncoder(encoderFor((type as DuckDBListType).valueType, context));
    case DuckDBTypeId.ARRAY: {
      const { valueType, length } = type as DuckDBArrayType;
      return arrayEncoder(encoderFor(valueType, context), length);
    }
    case DuckDBTypeId.STRUCT: {
      const { entryNames, entryTypes } = type as DuckDBStructType;
      return structEncoder(entryNames, entryTypes.map((t) => encoderFor(t, context)));
    }
    case DuckDBTypeId.MAP: {
      const { keyType, valueType } = type as DuckDBMapType;
      return mapEncoder(structEncoder(['key', 'value'], [encoderFor(keyType, context), encoderFor(valueType, context)], { mapEntries: true }));
    }
    case DuckDBTypeId.SQLNULL: return nullEncoder();
    default: return textEncoder(type);
  }
}

/** A column that is NULL by type (`SELECT NULL`): Arrow's Null type has no buffers at all. */
function nullEncoder(): ColumnEncoder {
  const type = new Null();
  return { type, encode: (_parts, count) => new Data(type, 0, count, count) };
}
