export { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number'
