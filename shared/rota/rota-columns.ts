/** The columns of the rota CSV, in template order. Headers are matched case-insensitively. */
export const ROTA_COLUMNS = [
  { key: 'naam', header: 'naam', required: true, format: 'Naam zoals op het rooster', example: 'mr. A.B. de Vries' },
  { key: 'rol', header: 'rol', required: true, format: 'politierechter, rc of ovj', example: 'politierechter' },
  { key: 'afwezig_van', header: 'afwezig_van', required: false, format: 'dd-mm-jjjj of jjjj-mm-dd (leeg: alleen de persoon)', example: '03-08-2026' },
  { key: 'afwezig_tot', header: 'afwezig_tot', required: false, format: 'dd-mm-jjjj of jjjj-mm-dd, t/m deze dag', example: '14-08-2026' },
  { key: 'reden', header: 'reden', required: false, format: 'verlof, cursus, andere_verplichting of afwezig', example: 'verlof' },
] as const;

export type RotaColumnKey = (typeof ROTA_COLUMNS)[number]['key'];

/** 'Afwezig van' and 'AFWEZIG_VAN ' both mean afwezig_van. */
export function normaliseRotaHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function rotaColumnOf(header: string): RotaColumnKey | null {
  const normalised = normaliseRotaHeader(header);
  return ROTA_COLUMNS.find((c) => c.header === normalised)?.key ?? null;
}
