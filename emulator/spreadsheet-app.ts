/**
 * SpreadsheetApp: the entry to the active document, the rule builders, and the UI (which does not exist
 * inside triggers and custom functions).
 */
import {
  asRange,
  asRuleBuilder,
  asSheet,
  asSpreadsheet,
  asUi,
  asValidationBuilder,
  rangeImpl,
  sheetImpl,
} from './boundary';
import { GUARD, instrument } from './calls';
import { EmConditionalFormatRuleBuilder } from './conditional-format';
import type { Execution } from './context';
import { EmDataValidationBuilder } from './data-validation';
import {
  AuthMode,
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  InterpolationType,
  ProtectionType,
  WrapStrategy,
} from './enums';
import { exception } from './errors';
import { EmRange } from './range';
import { EmSheet } from './sheet';
import { EmSpreadsheet } from './spreadsheet';
import { EmUi } from './ui';

import SS = GoogleAppsScript.Spreadsheet;

type AppMethods =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'Dimension'
  | 'InterpolationType'
  | 'ProtectionType'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'setActiveRange'
  | 'setActiveSheet';

export class EmSpreadsheetApp implements Pick<SS.SpreadsheetApp, AppMethods> {
  readonly [GUARD]: Execution;
  /** Not part of the typed API, but scripts reach ScriptApp.AuthMode through here too. */
  readonly AuthMode = AuthMode;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly InterpolationType = InterpolationType;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  getActiveSpreadsheet(): SS.Spreadsheet {
    return asSpreadsheet(new EmSpreadsheet(this.exec));
  }
  getActive(): SS.Spreadsheet {
    return asSpreadsheet(new EmSpreadsheet(this.exec));
  }
  openById(id: string): SS.Spreadsheet {
    if (id !== this.exec.wb.id)
      throw exception(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return asSpreadsheet(new EmSpreadsheet(this.exec));
  }
  /** The active sheet; inside a custom function, the sheet of the calling cell. */
  getActiveSheet(): SS.Sheet {
    return asSheet(new EmSheet(this.exec, this.exec.wb.currentSheet()));
  }
  setActiveSheet(sheet: SS.Sheet): SS.Sheet {
    const model = sheetImpl(sheet).model;
    this.exec.wb.activeSheet = model;
    this.exec.wb.selection = undefined;
    return sheet;
  }
  /** The selection (A1 of the active sheet when nothing was selected); in a custom function, its cell. */
  getActiveRange(): SS.Range {
    const { sheet, area } = this.exec.wb.currentSelection();
    return asRange(new EmRange(this.exec, sheet, { ...area }));
  }
  setActiveRange(range: SS.Range): SS.Range {
    const impl = rangeImpl(range);
    this.exec.wb.activeSheet = impl.sheet;
    this.exec.wb.selection = { sheet: impl.sheet, area: { ...impl.area } };
    return range;
  }
  /** Writes are applied at once here, so there is nothing to flush. */
  flush(): void {}

  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.exec.uiAvailable || this.exec.inCustomFunction()) {
      throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return asUi(new EmUi(this.exec));
  }
  newConditionalFormatRule(): SS.ConditionalFormatRuleBuilder {
    return asRuleBuilder(new EmConditionalFormatRuleBuilder(this.exec));
  }
  newDataValidation(): SS.DataValidationBuilder {
    return asValidationBuilder(new EmDataValidationBuilder(this.exec));
  }
}

instrument(EmSpreadsheetApp, 'SpreadsheetApp');
