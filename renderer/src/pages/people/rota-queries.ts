/** 'YYYY-MM-DD' as 'dd-mm-jjjj', the notation the forms take. */
export const toDutchDate = (iso: string) => iso.split('-').reverse().join('-');
