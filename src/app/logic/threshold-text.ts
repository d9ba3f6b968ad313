// What a threshold means, in words: the false-match rate it gives when the calibration has a ROC.
import { errorRatesAt, type Calibration } from '../../calibration/calibration';

/**
 * A threshold as the app shows it everywhere (verify, the decision, settings): to 4 decimals, trailing
 * zeros dropped but at least 2 kept, so the calibrated 0.5495 reads 0.5495 (not 0.55 on one page and
 * 0.549 on another) and a slider value of 0.6 reads 0.60.
 */
export function formatThreshold(threshold: number): string {
  const text = threshold.toFixed(4).replace(/0+$/, '');
  const decimals = text.length - text.indexOf('.') - 1;
  return decimals >= 2 ? text : threshold.toFixed(2);
}

/** A rate as a short percentage: 0.00123 → "0.12%". */
export function formatRate(rate: number): string {
  if (rate === 0) return '0%';
  const percent = rate * 100;
  return `${percent >= 10 ? percent.toFixed(0) : percent >= 1 ? percent.toFixed(1) : percent.toPrecision(2)}%`;
}

/** What the threshold means, from the calibration: the false-match rate when a ROC was measured. */
export function describeThreshold(calibration: Calibration, threshold: number): string {
  const rates = errorRatesAt(calibration, threshold);
  if (!rates) {
    return threshold === calibration.threshold && calibration.source === 'dlib-default'
      ? 'the dlib default; its false-match rate has not been measured for this app yet'
      : 'its false-match rate has not been measured for this app yet';
  }
  const approx = rates.extrapolated ? 'at the nearest measured threshold, ' : 'about ';
  // "About 0%" would claim more than a finite sample shows: none were seen, which is all we know.
  const falseMatches =
    rates.falseMatchRate === 0
      ? `${rates.extrapolated ? 'at the nearest measured threshold, ' : ''}none of the measured pairs of different people fall within it`
      : `${approx}${formatRate(rates.falseMatchRate)} of pairs of different people fall within it`;
  return (
    `on LFW, ${falseMatches} (false matches) and ${formatRate(rates.falseNonMatchRate)} of pairs of the same ` +
    'person fall outside it'
  );
}
