import { apiDate } from './api-date.ts';
import { isObject, type JsonObject } from './json.ts';

/**
 * A payment's `additional_info`: the request's `items`, `payer`, `shipments` and `ip_address`,
 * echoed as the API echoes them, and the three fields a recorded test payment always carries.
 *
 * The API writes the items' numbers as strings (`"quantity": "1"`, `"unit_price": "58.8"`: sdk-nodejs's
 * end-to-end tests against the API, sdk-java's payment fixtures), and sdk-go reads every one of these
 * fields into a Go `string`, so every value echoed here is a string: a number sent becomes its
 * decimal text. Only the fields of the SDKs' resources are kept (a whitelist, our choice), so no
 * echo can hand an SDK a type it cannot read; `registration_date` is rewritten in the API's date
 * format (sdk-java parses nothing else) and dropped when it is not a date.
 */
export function additionalInfo(sent: unknown): JsonObject {
  if (!isObject(sent)) return RECORDED;
  const info: JsonObject = {};
  if (Array.isArray(sent.items)) info.items = sent.items.filter(isObject).map(item);
  if (isObject(sent.payer)) info.payer = payer(sent.payer);
  if (isObject(sent.shipments) && isObject(sent.shipments.receiver_address)) {
    info.shipments = { receiver_address: pick(sent.shipments.receiver_address, RECEIVER_ADDRESS) };
  }
  const ip = text(sent.ip_address);
  if (ip !== undefined) info.ip_address = ip;
  return { ...info, ...RECORDED };
}

/**
 * What a recorded test-mode card payment's `additional_info` holds when the request sent none.
 * One frozen object shared by every such payment: nothing changes it, and 100,000 payments cost none.
 */
const RECORDED: JsonObject = Object.freeze({ available_balance: null, nsu_processadora: null, authentication_code: null });

/** An item has these fields in the recorded payments; `picture_url` and the rest are null when not sent. */
const ITEM_FIELDS = ['id', 'title', 'description', 'picture_url', 'category_id', 'quantity', 'unit_price'] as const;
const ADDRESS = ['zip_code', 'street_name', 'street_number'] as const;
const PHONE = ['area_code', 'number'] as const;
const RECEIVER_ADDRESS = ['zip_code', 'state_name', 'city_name', 'street_name', 'street_number', 'floor', 'apartment'] as const;

function item(sent: JsonObject): JsonObject {
  return Object.fromEntries(ITEM_FIELDS.map((field) => [field, text(sent[field]) ?? null]));
}

function payer(sent: JsonObject): JsonObject {
  const echoed: JsonObject = {};
  for (const field of ['first_name', 'last_name'] as const) {
    const value = text(sent[field]);
    if (value !== undefined) echoed[field] = value;
  }
  if (isObject(sent.phone)) echoed.phone = pick(sent.phone, PHONE);
  if (isObject(sent.address)) echoed.address = pick(sent.address, ADDRESS);
  const registered = typeof sent.registration_date === 'string' ? Date.parse(sent.registration_date) : NaN;
  if (Number.isFinite(registered)) echoed.registration_date = apiDate(registered);
  return echoed;
}

/** The fields of `fields` that were sent as text or a number, as text. */
function pick(sent: JsonObject, fields: readonly string[]): JsonObject {
  const echoed: JsonObject = {};
  for (const field of fields) {
    const value = text(sent[field]);
    if (value !== undefined) echoed[field] = value;
  }
  return echoed;
}

/** A string as sent, a finite number or a boolean as its text; anything else is not echoed. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  return undefined;
}
