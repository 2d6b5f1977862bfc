/**
 * The small part of fast-formula-parser 1.0.19 (an untyped CommonJS package) that the emulator's
 * formula engine uses. Shapes follow the package's README and source.
 */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }

  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }

  /** A reference as the parser passes it around before reading it: `{ ref }`. */
  export interface RefValue {
    ref: Partial<CellRef> & Partial<RangeRef>;
  }

  /** One argument of an ordinary (non-context) function, already read from its reference. */
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
    ref?: RefValue['ref'];
  }

  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details: unknown;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }

  export const Types: {
    readonly NUMBER: number;
    readonly ARRAY: number;
    readonly BOOLEAN: number;
    readonly STRING: number;
  };

  export const FormulaHelpers: {
    accept(param: unknown, type?: number | null, defValue?: unknown): unknown;
    flattenParams(
      params: FunctionArg[],
      valueType: number | null,
      allowUnion: boolean,
      hook: (item: unknown, info: { isLiteral: boolean }) => void,
    ): void;
  };

  /** The chevrotain parser inside: `input` takes lexed tokens, the top rule evaluates them. */
  export interface GrammarParser {
    input: unknown[];
    errors: { message: string }[];
    /** chevrotain's index of the token last read: evaluation happens while parsing. */
    currIdx: number;
    formulaWithBinaryOp(): unknown;
  }

  export interface ParserUtils {
    extractRefValue(value: unknown): { val: unknown; isArray: boolean };
    _applyInfix(
      left: { val: unknown; isArray: boolean },
      infix: string,
      right: { val: unknown; isArray: boolean },
    ): unknown;
  }

  export interface ParserConfig {
    functions?: Record<string, (...args: never[]) => unknown>;
    functionsNeedContext?: Record<string, (context: FormulaParser, ...args: never[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown;
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }

  export default class FormulaParser {
    constructor(config?: ParserConfig);
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
    static readonly FormulaError: typeof FormulaError;
    static readonly FormulaHelpers: typeof FormulaHelpers;
    static readonly Types: typeof Types;
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
    // Internals the engine relies on to evaluate cached tokens (see formula-engine.ts).
    position: CellRef;
    async: boolean;
    parser: GrammarParser;
    utils: ParserUtils;
    functions: Record<string, (...args: never[]) => unknown>;
    funsNeedContextAndNoDataRetrieve: string[];
    funsNeedContext: string[];
    funsNullAs0: string[];
    funsPreserveRef: string[];
  }
}

declare module 'fast-formula-parser/grammar/lexing' {
  export interface Token {
    image: string;
    startOffset: number;
    endOffset?: number;
    tokenType: { name: string };
  }
  /** Throws a FormulaError (#ERROR!) when the text cannot be lexed. */
  export function lex(text: string): { tokens: Token[] };
}

declare module 'fast-formula-parser/grammar/type/collection' {
  /** A union of references such as `(A1:B2, D4)`. */
  export default class Collection {
    readonly data: unknown[];
  }
}
