export { catalogNames, type CatalogNames } from "@/domain/i18n/catalogNames";
