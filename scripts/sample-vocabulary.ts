/** Word lists for the synthetic sample (scripts/generate-sample.ts). Invented people only. */
export const femaleNames = ['Margaret', 'Joan', 'Dorothy', 'Patricia', 'Barbara', 'Jean', 'Irene', 'Eileen', 'Sheila', 'Brenda', 'Kathleen', 'Maureen', 'Doris', 'Edna', 'Valerie', 'Gwen', 'Nasreen', 'Parveen', 'Hyacinth', 'Bridget'] as const
export const maleNames = ['Arthur', 'Kenneth', 'Dennis', 'Ronald', 'Harold', 'Stanley', 'Gordon', 'Frank', 'Albert', 'Norman', 'Derek', 'Clifford', 'Mohammed', 'Gurdeep', 'Winston', 'Patrick'] as const
export const surnames = ['Smith', 'Holroyd', 'Ackroyd', 'Sutcliffe', 'Barraclough', 'Hirst', 'Greenwood', 'Patel', 'Khan', 'Singh', 'Campbell', 'Murphy', 'Walsh', 'Clegg', 'Dyson', 'Brook', 'Haigh', 'Lockwood', 'Shaw', 'Crowther', 'Ellis-Boyd'] as const
export const streets = ['Acacia Avenue', 'Mill Lane', 'Church Street', 'Moorside Road', 'Victoria Terrace', 'Beck View', 'Heather Close', 'Canal Walk'] as const
export const towns = ['Leeds', 'Bradford', 'Halifax', 'Wakefield', 'Huddersfield', 'Keighley'] as const
export const ethnicities = ['White British', 'White - British', 'British', 'W British', 'White British', 'Irish', 'White Other', 'Polish', 'Indian', 'Pakistani', 'Black Caribbean', 'Caribbean', 'African', 'Chinese', 'Mixed White/Asian', 'Not stated', 'Declined'] as const
export const religions = ['C of E', 'Church of England', 'RC', 'Roman Catholic', 'Methodist', 'Christian', 'Muslim', 'Sikh', 'Hindu', 'Jewish', 'None', ''] as const
export const languages = ['English', 'Polish', 'Punjabi', 'Urdu', 'Welsh', 'BSL', 'Gujarati'] as const
/** Next-of-kin relationship as typed by staff, by the relative's sex. */
export const relationships = {
  female: ['Daughter', 'daughter', 'Wife', 'Niece', 'Sister', 'Daughter-in-law', 'Friend'],
  male: ['Son', 'son', 'Husband', 'Nephew', 'Brother', 'Son in law', 'Friend'],
} as const
/** [agent, reaction, type] */
export const allergens = [
  ['Penicillin', 'Rash', 'Allergy'],
  ['Latex', 'Itching', 'Allergy'],
  ['Peanuts', 'Anaphylaxis', 'Allergy'],
  ['Codeine', 'Nausea', 'Intolerance'],
  ['Aspirin', 'Wheeze', 'Adverse reaction'],
  ['Elastoplast', 'Skin irritation', 'Intolerance'],
] as const
/** [drug, dose, route, frequency] */
export const drugs = [
  ['Paracetamol 500mg tablets', '1g', 'Oral', 'QDS'],
  ['Amlodipine 5mg tablets', '5mg', 'Oral', 'OD'],
  ['Metformin 500mg tablets', '500mg', 'Oral', 'BD'],
  ['Lactulose solution', '10ml', 'Oral', 'BD'],
  ['Donepezil 10mg tablets', '10mg', 'oral', 'Nocte'],
  ['Bisoprolol 2.5mg tablets', '2.5mg', 'Oral', 'OM'],
  ['Adcal-D3 chewable tablets', '1 tablet', 'Oral', 'BD'],
  ['Fentanyl 12mcg/hour patch', '1 patch', 'Transdermal', 'Every 72 hours'],
] as const
