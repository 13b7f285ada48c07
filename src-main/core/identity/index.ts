export { formatNhsNumber, isPlaceholderNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number'
