// The field picker: the catalogue grouped as it is (identity, size & index, …), searchable by label, name or
// description; the chosen fields, in the order chosen, as removable tags.
import { Checkbox, SearchBox, Tag, TagGroup, Text } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { FIELD_CATALOGUE, FIELD_GROUPS, findField, type FieldDef } from "../../model/catalogue";
import { TICKER_FIELD } from "../workbook/table-content";
import { useStyles } from "./styles";

function matches(def: FieldDef, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || [def.label, def.name, def.description, def.unit].some((t) => t.toLowerCase().includes(q));
}

export function FieldPicker({
  selected,
  onChange,
  disabled,
}: {
  selected: string[];
  onChange: (fields: string[]) => void;
  disabled?: boolean;
}) {
  const s = useStyles();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const groups = useMemo(
    () =>
      FIELD_GROUPS.map((g) => ({
        ...g,
        fields: FIELD_CATALOGUE.filter((f) => f.group === g.id && f.name !== TICKER_FIELD && matches(f, query)),
      })).filter((g) => g.fields.length > 0),
    [query],
  );
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected.filter((f) => f !== name), name] : selected.filter((f) => f !== name));

  return (
    <div className={s.stack}>
      <label htmlFor={searchId} className={s.muted}>
        Fields (the ticker is always the first column)
      </label>
      <SearchBox
        className={s.control}
        id={searchId}
        placeholder="Search fields"
        value={query}
        onChange={(_e, d) => setQuery(d.value)}
        disabled={disabled}
      />
      <div className={s.fieldList} role="group" aria-label="Fields">
        {groups.length === 0 && <Text className={s.muted}>No field matches “{query}”.</Text>}
        {groups.map((g) => (
          <fieldset key={g.id} className={s.group}>
            <legend className={s.legend}>{g.label}</legend>
            {g.fields.map((f) => (
              <Checkbox
                key={f.name}
                checked={selected.includes(f.name)}
                disabled={disabled}
                onChange={(_e, d) => toggle(f.name, Boolean(d.checked))}
                label={
                  <>
                    {f.label}
                    <span className={s.fieldHint}>{f.description}</span>
                  </>
                }
              />
            ))}
          </fieldset>
        ))}
      </div>
      {selected.length > 0 ? (
        <TagGroup
          className={s.tags}
          aria-label="Chosen fields, in column order"
          onDismiss={(_e, d) => onChange(selected.filter((f) => f !== d.value))}
        >
          {selected.map((name) => (
            <Tag
              key={name}
              value={name}
              dismissible
              dismissIcon={{ "aria-label": `Remove ${findField(name)?.label ?? name}` }}
              size="small"
              disabled={disabled}
            >
              {findField(name)?.label ?? name}
            </Tag>
          ))}
        </TagGroup>
      ) : (
        <Text size={200} className={s.muted}>
          No field chosen: the table will have the ticker column only.
        </Text>
      )}
    </div>
  );
}
