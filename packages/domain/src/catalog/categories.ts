import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { CategoryInput } from "../schemas/catalog.ts";
import { slugify } from "./product-dto.ts";
import { equalsIgnoringCase } from "../shared/text-match.ts";

export interface CategoryDto {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  position: number;
  productCount: number;
}

export async function listCategories(deps: DomainDeps): Promise<CategoryDto[]> {
  const rows = await deps.db.category.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      position: true,
      _count: { select: { products: true } },
    },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return rows.map(({ _count, ...row }) => ({ ...row, productCount: _count.products }));
}

async function assertNameFree(deps: DomainDeps, name: string, exceptId?: string) {
  const clash = await deps.db.category.findFirst({
    where: {
      OR: [{ name: equalsIgnoringCase(name) }, { slug: slugify(name) }],
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", `A category named ${name} exists`, "name");
}

export async function createCategory(deps: DomainDeps, input: CategoryInput): Promise<CategoryDto[]> {
  await assertNameFree(deps, input.name);
  await deps.db.category.create({ data: { ...input, slug: slugify(input.name) } });
  return listCategories(deps);
}

export async function updateCategory(deps: DomainDeps, input: CategoryInput & { id: string }): Promise<CategoryDto[]> {
  await assertNameFree(deps, input.name, input.id);
  const { id, ...data } = input;
  const { count } = await deps.db.category.updateMany({ where: { id }, data: { ...data, slug: slugify(input.name) } });
  if (count === 0) throw notFound("The category");
  return listCategories(deps);
}

/** Its products stay, without a category. */
export async function deleteCategory(deps: DomainDeps, id: string): Promise<CategoryDto[]> {
  const { count } = await deps.db.category.deleteMany({ where: { id } });
  if (count === 0) throw notFound("The category");
  return listCategories(deps);
}
