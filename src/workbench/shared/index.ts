// The workbench screens' shared pieces, imported together so the H5 build keeps them in one chunk.
export { Bars, DayColumns, Figures, Stat } from './charts'
export { default as DashboardFigures, type DashboardCore, minutes, pct } from './DashboardFigures'
export { default as Packet, PART_LABEL, WEIGHT_TEXT } from './Packet'
export { default as PeriodBar } from './PeriodBar'
export { PERIOD_LABEL, type Period, type PeriodKey, periodOf, periodText, thisYear } from './period'
export { default as ScoreInput, scoreOf } from './ScoreInput'
